/** Nest injection token of the `OrdersPort` implementation (`@Inject(ORDERS) orders: OrdersPort`). */
export const ORDERS = Symbol('ORDERS');

/** AES-GCM additional data of an order's result: binds the ciphertext to its row. */
export function resultContext(orderUuid: string): string {
  return `orders.result:${orderUuid}`;
}

/** AES-GCM additional data of an order's image. */
export function imageContext(orderUuid: string): string {
  return `order_images:${orderUuid}`;
}

/** Postgres SQLSTATE of a unique violation. */
export const UNIQUE_VIOLATION = '23505';
