"""A Juhe client as Python users write it, with `requests`.

Usage: python3 juhe_client.py BASE_URL KEY CARD_TYPE IMAGE_PATH USERID MODE
MODE `base64`: form-encoded POST to /certificates/queryBase64 (the image as the `base64` field);
MODE `pic`: multipart POST to /certificates/query (the image as the `pic` file).
Prints the raw response body; exits 1 on an HTTP error.
"""
import base64
import sys

import requests


def main() -> int:
    if len(sys.argv) != 7 or sys.argv[6] not in ("base64", "pic"):
        print("usage: python3 juhe_client.py BASE_URL KEY CARD_TYPE IMAGE_PATH USERID base64|pic", file=sys.stderr)
        return 2
    url, key, card_type, path, userid, mode = sys.argv[1:]
    data = {"key": key, "cardType": int(card_type), "orderid": 1, "userid": userid}
    if mode == "base64":
        with open(path, "rb") as image:
            data["base64"] = base64.b64encode(image.read()).decode("ascii")
        response = requests.post(url + "/certificates/queryBase64", data=data, timeout=120)
    else:
        with open(path, "rb") as image:
            response = requests.post(url + "/certificates/query", data=data, files={"pic": image}, timeout=120)
    sys.stdout.buffer.write(response.content)
    sys.stdout.flush()
    try:
        response.raise_for_status()
    except requests.HTTPError as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
