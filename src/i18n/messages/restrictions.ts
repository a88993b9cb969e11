import { defineMessages } from '../locale.js';
import { serviceCode } from '../message-parts.js';

/** `hws.service.type.dws` → `DWS`: a service the kit has no name for, shown by its short code. */

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
  'zh-CN': () => import('../zh-CN/restrictions.js'),
}, 'restrictions');
