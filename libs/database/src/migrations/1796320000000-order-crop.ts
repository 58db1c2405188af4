import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `orders.crop`: the request asked for `crop=1`, so the worker adds the rectified document (`_crop`) to the result,
 * which is stored encrypted like the rest of it; an order that did not ask never has one made or stored.
 */
export class OrderCrop1796320000000 implements MigrationInterface {
  name = 'OrderCrop1796320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE orders ADD COLUMN crop boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE orders DROP COLUMN crop`);
  }
}
