import type { OrderView } from '@zhengjian/orders';
import { orderEnvelope } from './order-envelope';

const order: OrderView = {
  id: '00000000-0000-4000-8000-000000000001',
  orderid: 'JH0000000000000000000001',
  apiKeyId: 'k',
  userid: null,
  cardType: 2,
  mode: 'sync',
  provider: 'local',
  status: 'succeeded',
  errorCode: 0,
  reason: '操作成功',
  returnOrderId: false,
  callbackUrl: null,
  detail: false,
  crop: false,
  attempts: 1,
  createdAt: new Date(0),
  startedAt: new Date(0),
  finishedAt: new Date(0),
  durationMs: 1,
  erasedAt: null,
  erasedBy: null,
};

const stored = { 保留: '', 姓名: '张三', _detail: { warnings: [] }, _crop: '/9j/crop' };

describe(orderEnvelope.name, () => {
  it('returns _crop only when crop=1 was sent, after _detail', () => {
    expect(orderEnvelope(order, stored, { detail: false }).result).toEqual({ 保留: '', 姓名: '张三' });
    expect(Object.keys(orderEnvelope(order, stored, { detail: true, crop: true }).result ?? {})).toEqual([
      '保留',
      '姓名',
      '_detail',
      '_crop',
    ]);
    expect(orderEnvelope(order, stored, { detail: false, crop: true }).result).toEqual({
      保留: '',
      姓名: '张三',
      _crop: '/9j/crop',
    });
  });

  it('answers without _crop when it was asked but none is stored', () => {
    expect(orderEnvelope(order, { 保留: '' }, { detail: false, crop: true }).result).toEqual({ 保留: '' });
  });
});
