import { expect } from '@open-wc/testing';
import { fetchMessages } from '../../src/i18n/catalogue.js';
import { registerMessages } from '../../src/i18n/register.js';
import { restrictionLabel, restrictionName, restrictionValue } from '../../src/i18n/restrictions.js';

describe('quota restriction labels', () => {
  before(() => fetchMessages('zh-CN'));

  it('name the cloud service types a quota allows, in each locale', () => {
    const types = ['hws.service.type.ec2', 'hws.service.type.obs', 'hws.service.type.rds'];
    expect(restrictionLabel('cloudServiceType', types, 'zh-CN')).to.equal('云服务类型：弹性云服务器 ECS、对象存储服务 OBS、云数据库 RDS');
    expect(restrictionLabel('cloudServiceType', types, 'en-US')).to.equal(
      'Cloud service types: Elastic Cloud Server (ECS), Object Storage Service (OBS), Relational Database Service (RDS)',
    );
  });

  it('name the known keys and keep values the kit has no words for', () => {
    expect(restrictionLabel('chargeScene', ['1', '2'], 'zh-CN')).to.equal('计费场景：1、2');
    expect(restrictionLabel('chargeScene', ['1', '2'], 'en-US')).to.equal('Charging scenarios: 1, 2');
    expect(restrictionLabel('isRebate', ['1'], 'zh-CN')).to.equal('参与伙伴激励返点：是');
    expect(restrictionValue('isRebate', '0', 'en-US')).to.equal('No');
  });

  it('show unknown keys and service types readably, never as raw codes', () => {
    expect(restrictionName('limitRegionCode', 'en-US')).to.equal('Limit region code');
    expect(restrictionName('sub_service_type', 'zh-CN')).to.equal('Sub service type');
    expect(restrictionLabel('limitRegionCode', ['cn-north-4'], 'zh-CN')).to.equal('Limit region code：cn-north-4');
    expect(restrictionValue('cloudServiceType', 'hws.service.type.dws', 'zh-CN')).to.equal('DWS');
    expect(restrictionValue('serviceTypeBlackList', 'hws.service.type.vpc', 'en-US')).to.equal('Virtual Private Cloud (VPC)');
    expect(restrictionLabel('cloudServiceType', [], 'en-US')).to.equal('Cloud service types');
  });

  it('take a host’s own words', () => {
    registerMessages('restrictions', 'en-US', { chargeScene: 'Billing scenes' });
    expect(restrictionLabel('chargeScene', ['1'], 'en-US')).to.equal('Billing scenes: 1');
  });
});
