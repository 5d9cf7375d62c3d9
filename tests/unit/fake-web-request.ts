/** The webRequest events of one browser, fired by the test: for the extension's network (src/background/). */
import type { WebRequestEvents } from '../../src/background/network-log.ts';

type Listener = (d: Record<string, unknown>) => void;

export function fakeWebRequest() {
  const listeners: Record<string, Listener[]> = {};
  const event = (name: string) => ({ addListener: (cb: Listener) => (listeners[name] ??= []).push(cb) });
  const api = {
    onBeforeRequest: event('onBeforeRequest'),
    onBeforeRedirect: event('onBeforeRedirect'),
    onResponseStarted: event('onResponseStarted'),
    onCompleted: event('onCompleted'),
    onErrorOccurred: event('onErrorOccurred'),
  } as unknown as WebRequestEvents;
  const fire = (name: string, d: Record<string, unknown>) => listeners[name]?.forEach((cb) => cb(d));
  return { api, fire };
}
