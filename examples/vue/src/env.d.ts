/// <reference types="vite/client" />
// The kit's tags, properties and events as Vue GlobalComponents, generated from its manifest.
/// <reference types="partner-kit/vue" />
