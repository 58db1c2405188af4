/**
 * Body size limits of the api, derived from the image limit (`MAX_IMAGE_BYTES`, default 3 MiB of decoded image):
 * Base64 grows the image by 4/3; percent-encoding of `+` `/` `=` in a form body and MIME line breaks add up to
 * about a quarter more. Bodies within these limits are parsed and the decoded image is checked exactly (215302);
 * bodies beyond them are refused by the parser, which the filter also answers with 215302.
 */
export interface BodyLimits {
  /** Bytes of a urlencoded or JSON body. */
  textBodyBytes: number;
  /** Bytes of the `pic` file part (exactly the image limit: the part is the image). */
  fileBytes: number;
  /** Bytes of one ordinary multipart text field (`key`, `cardType`, …, or a `base64` sent as a field). */
  fieldBytes: number;
}

/** Room for the other parameters and encoding slack. */
const SLACK_BYTES = 64 * 1024;

export function bodyLimits(maxImageBytes: number): BodyLimits {
  const base64Bytes = Math.ceil((maxImageBytes * 4) / 3);
  return {
    textBodyBytes: Math.ceil(base64Bytes * 1.25) + SLACK_BYTES,
    fileBytes: maxImageBytes,
    fieldBytes: base64Bytes + SLACK_BYTES,
  };
}
