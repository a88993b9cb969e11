// The kit's tags, properties and events in React 19's JSX, generated from its manifest.
import type { CustomElements } from 'partner-kit/jsx';

declare module 'react' {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: this is how JSX learns the tags
    interface IntrinsicElements extends CustomElements {}
  }
}
