/**
 * Order numbers in Juhe's format: `JH` + 22 digits (seed document, version 2025-03-29).
 *
 * Juhe's own samples (`JH1531180126114835937669`, `JH1531180524123006771818`) start with the Unix time in
 * seconds (1531180126 = 2018-07-10 07:48:46 +08:00), so we use the same layout:
 *
 * ```
 * JH 1531180126 48213 0000417
 *    └ 10 digits: Unix seconds (UTC, no time zone to get wrong; 10 digits until the year 2286)
 *               └ 5 digits: node, random per process (per worker thread: each loads its own module copy)
 *                     └ 7 digits: counter, starts at a random value, +1 per id, wraps at 10^7
 * ```
 *
 * Unique within a process: two ids can only be equal when they fall in the same second and 10^7 ids were made
 * between them (a clock stepping back changes nothing, the counter has moved on). Across processes: two
 * processes share a node with probability 10^-5, and even then need the same counter value in the same second.
 */
import { randomInt } from 'node:crypto';

const NODE_SPACE = 100_000;
const COUNTER_SPACE = 10_000_000;
const MAX_SECONDS = 9_999_999_999;

/** `JH` followed by exactly 22 ASCII digits. */
export const ORDER_ID_PATTERN = /^JH\d{22}$/;

/** Whether `value` has the order-number format (ours or one issued by Juhe itself). */
export function isOrderId(value: unknown): value is string {
  return typeof value === 'string' && ORDER_ID_PATTERN.test(value);
}

/** The parts of an order number made by this module. */
export interface OrderIdParts {
  /** When it was made, to the second. */
  issuedAt: Date;
  /** 0–99999: the process that made it. */
  node: number;
  /** 0–9999999: its position in that process's sequence (modulo 10^7). */
  counter: number;
}

/** Splits an order number into its parts; `undefined` when it does not have the format. */
export function parseOrderId(value: string): OrderIdParts | undefined {
  if (!isOrderId(value)) return undefined;
  return {
    issuedAt: new Date(Number(value.slice(2, 12)) * 1000),
    node: Number(value.slice(12, 17)),
    counter: Number(value.slice(17, 24)),
  };
}

export interface OrderIdGeneratorOptions {
  /** 0–99999; default random. Fixed values are for tests. */
  node?: number;
  /** 0–9999999; default random. */
  counterStart?: number;
}

/** Makes an order number for `now` (default: the current time). */
export type OrderIdGenerator = (now?: Date) => string;

function checkInteger(name: string, value: number, space: number): number {
  if (!Number.isInteger(value) || value < 0 || value >= space) {
    throw new RangeError(`${name} must be an integer in [0, ${space - 1}], got ${value}`);
  }
  return value;
}

/**
 * A generator with its own node and counter. Most code wants {@link generateOrderId}; separate generators in one
 * process are only unique against each other when their nodes differ.
 *
 * @throws RangeError for options out of range, and (from the generator) for a date before 1970 or after 2286.
 */
export function createOrderIdGenerator(options: OrderIdGeneratorOptions = {}): OrderIdGenerator {
  const node = checkInteger('node', options.node ?? randomInt(NODE_SPACE), NODE_SPACE);
  let counter = checkInteger('counterStart', options.counterStart ?? randomInt(COUNTER_SPACE), COUNTER_SPACE);
  const nodeDigits = String(node).padStart(5, '0');

  return (now: Date = new Date()): string => {
    const seconds = Math.floor(now.getTime() / 1000);
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_SECONDS) {
      throw new RangeError(`cannot make an order number for ${String(now)}`);
    }
    const sequence = counter;
    counter = (counter + 1) % COUNTER_SPACE;
    return `JH${String(seconds).padStart(10, '0')}${nodeDigits}${String(sequence).padStart(7, '0')}`;
  };
}

const processGenerator = createOrderIdGenerator();

/**
 * A new order number, `JH` + 22 digits, unique within this process and very unlikely to collide with another
 * process's (see the layout above). `now` only sets the time part; uniqueness never depends on it.
 */
export function generateOrderId(now?: Date): string {
  return processGenerator(now);
}
