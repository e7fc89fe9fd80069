// Writing a WebAssembly module byte by byte: what the compiled predictor needs of the binary format, no more.

/** Bytes of a module under construction: LEB128 integers and little-endian f64 (exact bits, no text round trip). */
export class WasmBytes {
  private buf: Uint8Array<ArrayBuffer> = new Uint8Array(1024);
  length = 0;
  private room(k: number): void {
    if (this.length + k <= this.buf.length) return;
    const grown: Uint8Array<ArrayBuffer> = new Uint8Array(Math.max(this.buf.length * 2, this.length + k));
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }
  byte(x: number): this { this.room(1); this.buf[this.length++] = x; return this; }
  u32(x: number): this {
    this.room(5);
    do { let b = x & 0x7f; x >>>= 7; if (x) b |= 0x80; this.buf[this.length++] = b; } while (x);
    return this;
  }
  i32(x: number): this {
    this.room(5);
    for (;;) {
      const b = x & 0x7f; x >>= 7;
      if ((x === 0 && !(b & 0x40)) || (x === -1 && (b & 0x40))) { this.buf[this.length++] = b; return this; }
      this.buf[this.length++] = b | 0x80;
    }
  }
  private static f64 = new Float64Array(1);
  private static f64Bytes = new Uint8Array(WasmBytes.f64.buffer);
  f64(v: number): this {
    this.room(8);
    WasmBytes.f64[0] = v;
    // Typed arrays use the platform's byte order; wasm wants little-endian.
    if (LITTLE_ENDIAN) this.buf.set(WasmBytes.f64Bytes, this.length);
    else for (let i = 0; i < 8; i++) this.buf[this.length + i] = WasmBytes.f64Bytes[7 - i];
    this.length += 8;
    return this;
  }
  append(o: WasmBytes): this { this.room(o.length); this.buf.set(o.buf.subarray(0, o.length), this.length); this.length += o.length; return this; }
  name(s: string): this { this.u32(s.length); for (let i = 0; i < s.length; i++) this.byte(s.charCodeAt(i)); return this; }
  bytes(): Uint8Array<ArrayBuffer> { return this.buf.slice(0, this.length); }
}
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export const OP = {
  block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, brIf: 0x0d,
  localGet: 0x20, localSet: 0x21, i32Const: 0x41, f64Const: 0x44, f64Load: 0x2b, f64Store: 0x39,
  i32GeU: 0x4f, i32Add: 0x6a, f64Ne: 0x62, f64Gt: 0x64, f64Le: 0x65, f64Add: 0xa0,
  voidType: 0x40, f64Type: 0x7c, i32Type: 0x7f,
} as const;

export function section(out: WasmBytes, id: number, body: WasmBytes): void {
  out.byte(id).u32(body.length).append(body);
}
