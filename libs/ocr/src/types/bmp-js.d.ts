// bmp-js ships no types. Only the decoder is used; its pixels come out as A,B,G,R bytes per pixel.
declare module 'bmp-js' {
  interface BmpDecoded {
    width: number;
    height: number;
    /** `width * height * 4` bytes, each pixel as A, B, G, R. */
    data: Buffer;
  }
  export function decode(buffer: Buffer): BmpDecoded;
}
