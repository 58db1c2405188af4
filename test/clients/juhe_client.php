<?php
// A Juhe client as PHP users write it: curl with an array of post fields, which curl sends as multipart/form-data
// (with `Expect: 100-continue` once the body is large, as a Base64 image is).
//
// Usage: php juhe_client.php BASE_URL KEY CARD_TYPE IMAGE_PATH USERID MODE
// MODE `pic`: POST to /certificates/query.php with the image as a CURLFile;
// MODE `base64`: POST to /certificates/queryBase64.php with the image as `base64` => base64_encode(...).
// Prints the raw response body; exits 1 on an HTTP or transport error.

if ($argc !== 7 || !in_array($argv[6], ['pic', 'base64'], true)) {
    fwrite(STDERR, "usage: php juhe_client.php BASE_URL KEY CARD_TYPE IMAGE_PATH USERID pic|base64\n");
    exit(2);
}
[, $url, $key, $cardType, $path, $userid, $mode] = $argv;

$fields = ['key' => $key, 'cardType' => $cardType, 'orderid' => '1', 'userid' => $userid];
if ($mode === 'pic') {
    $fields['pic'] = new CURLFile($path, 'image/jpeg', basename($path));
    $endpoint = '/certificates/query.php';
} else {
    $fields['base64'] = base64_encode(file_get_contents($path));
    $endpoint = '/certificates/queryBase64.php';
}

$ch = curl_init($url . $endpoint);
curl_setopt_array($ch, [
    CURLOPT_POST => true,
    CURLOPT_POSTFIELDS => $fields,
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_CONNECTTIMEOUT => 10,
    CURLOPT_TIMEOUT => 120,
]);
$body = curl_exec($ch);
if ($body === false) {
    fwrite(STDERR, 'curl: ' . curl_error($ch) . "\n");
    exit(1);
}
$status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
curl_close($ch);
echo $body;
if ($status < 200 || $status >= 300) {
    fwrite(STDERR, "HTTP $status\n");
    exit(1);
}
