import { deserialize, serialize } from 'node:v8';

let checked = false;

/**
 * Makes `instanceof Float32Array` accept Float32Arrays of the host realm when this code runs inside a `vm` sandbox
 * (Jest). onnxruntime-node builds its output arrays in the host realm and onnxruntime-common then rejects them with
 * "A float32 tensor's data must be type of function Float32Array()" (microsoft/onnxruntime#16622). In a plain Node
 * process both realms are the same and nothing is changed.
 */
export function acceptHostRealmFloat32Arrays(): void {
  if (checked) return;
  checked = true;
  // v8.deserialize is a host builtin: what it returns belongs to the host realm.
  const hostArray: unknown = deserialize(serialize(new Float32Array(1)));
  if (hostArray instanceof Float32Array) return;
  const base = Function.prototype[Symbol.hasInstance];
  Object.defineProperty(Float32Array, Symbol.hasInstance, {
    configurable: true,
    value(this: typeof Float32Array, value: unknown): boolean {
      return base.call(this, value) || Object.prototype.toString.call(value) === '[object Float32Array]';
    },
  });
}
