import { defineMessages } from '../locale.js';

/**
 * Why the answer to a money call never came, said as a cause and nothing more: the view beside it
 * says that sending the same request again is safe, so these do not ask to "try again". Imported
 * only by the views of an unknown outcome, which come after the first screen (overridden under
 * `errors`, with the kit's other error words).
 */
export const lostAnswerMessages = defineMessages({
  'en-US': {
    lostTimeout: 'The server did not answer in time.',
    lostNetwork: 'The connection dropped before the server answered.',
    lostOffline: 'You went offline before the server answered.',
    lostServer: 'The server failed before it answered.',
    lostMalformed: 'The server’s answer could not be read.',
  },
  'zh-CN': () => import('../zh-CN/lost-answer.js'),
}, 'lost-answer', 'errors');
