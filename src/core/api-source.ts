/** How a flow is handed its backend: the adapter itself, or a getter (an element resolves its adapter late). */
export type ApiSource<A> = A | (() => Promise<A>);

/** The one shape flows call their backend through: a getter, whichever way it was handed. */
export function apiGetter<A extends object>(api: ApiSource<A>): () => Promise<A> {
  return typeof api === 'function' ? api : () => Promise.resolve(api);
}
