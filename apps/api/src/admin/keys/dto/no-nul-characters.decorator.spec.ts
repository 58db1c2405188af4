import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ListOrdersQueryDto } from '../../orders/dto/list-orders.query.dto';
import { CreateApiKeyDto } from './create-api-key.dto';
import { UpdateApiKeyDto } from './update-api-key.dto';

const failed = (cls: new () => object, plain: object) =>
  validateSync(plainToInstance(cls, plain)).map((error) => error.property);

describe('HasNoNulCharacters on the admin DTOs', () => {
  it('refuses U+0000 in key names, deny-list entries and webhook URLs', () => {
    expect(failed(CreateApiKeyDto, { name: 'a\u0000b' })).toEqual(['name']);
    expect(failed(UpdateApiKeyDto, { name: '\u0000' })).toEqual(['name']);
    expect(failed(UpdateApiKeyDto, { ipDenylist: ['10.0.0.1', '10.0.0.2\u0000'] })).toEqual(['ipDenylist']);
    expect(failed(UpdateApiKeyDto, { webhookUrl: 'https://hooks.example.com/a\u0000' })).toContain('webhookUrl');
  });

  it('refuses U+0000 in the orders userid filter', () => {
    expect(failed(ListOrdersQueryDto, { userid: '\u0000' })).toEqual(['userid']);
    expect(failed(ListOrdersQueryDto, { userid: 'kyc-42' })).toEqual([]);
  });

  it('lets ordinary values through', () => {
    expect(failed(CreateApiKeyDto, { name: 'shop\tbackend', ipDenylist: ['10.0.0.0/8'] })).toEqual([]);
  });
});
