import { serviceCode } from '../message-parts.js';

/** The zh-CN words of the `restrictions` catalogue, fetched the first time an element needs them. */
export default {
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
};
