import type { RequestContext } from "~/http/handle.server";

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the context is exactly RequestContext
  interface AppLoadContext extends RequestContext {}
}
