import { defineMessages } from '../locale.js';

/** `hws.service.type.dws` → `DWS`: a service the kit has no name for, shown by its short code. */
const serviceCode = (code: string) => code.replace(/^hws\.service\.type\./i, '').toUpperCase();

/** Names of a quota's usage restrictions (the API's `limit_infos`) and of the values they hold. */
export const restrictionMessages = defineMessages({
  'en-US': {
    line: (name: string, values: string) => `${name}: ${values}`,
    separator: ', ',
    cloudServiceType: 'Cloud service types',
    serviceTypeBlackList: 'Cloud service types excluded',
    chargeScene: 'Charging scenarios',
    isRebate: 'Counts toward partner rebates',
    yes: 'Yes',
    no: 'No',
    serviceType: (code: string) =>
      ({
        'hws.service.type.ec2': 'Elastic Cloud Server (ECS)',
        'hws.service.type.ebs': 'Elastic Volume Service (EVS)',
        'hws.service.type.obs': 'Object Storage Service (OBS)',
        'hws.service.type.rds': 'Relational Database Service (RDS)',
        'hws.service.type.vpc': 'Virtual Private Cloud (VPC)',
      })[code] ?? serviceCode(code),
  },
  'zh-CN': {
    line: (name: string, values: string) => `${name}：${values}`,
    separator: '、',
    cloudServiceType: '云服务类型',
    serviceTypeBlackList: '不适用的云服务类型',
    chargeScene: '计费场景',
    isRebate: '参与伙伴激励返点',
    yes: '是',
    no: '否',
    serviceType: (code: string) =>
      ({
        'hws.service.type.ec2': '弹性云服务器 ECS',
        'hws.service.type.ebs': '云硬盘 EVS',
        'hws.service.type.obs': '对象存储服务 OBS',
        'hws.service.type.rds': '云数据库 RDS',
        'hws.service.type.vpc': '虚拟私有云 VPC',
      })[code] ?? serviceCode(code),
  },
}, 'restrictions');
