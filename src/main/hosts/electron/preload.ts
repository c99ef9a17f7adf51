// The page's only way to the core: `window.duiding.call(name, args)` for handlers on the allow-list,
// and `window.duiding.on('change', listener)` for change events. Raw ipcRenderer never reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL, IPC_ALLOW_LIST } from './ipc.ts';
import type { HandlerName } from '../../../shared/api/names.ts';

contextBridge.exposeInMainWorld('duiding', {
  call(name: string, args: unknown): Promise<unknown> {
    if (!IPC_ALLOW_LIST.has(name as HandlerName)) return Promise.reject(new Error(`Unknown handler "${name}".`));
    return ipcRenderer.invoke(CALL_CHANNEL, name, args);
  },
  on(event: 'change', listener: (payload: unknown) => void): () => void {
    if (event !== 'change') throw new Error(`Unknown event "${String(event)}".`);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.off(EVENT_CHANNEL, wrapped);
  },
});
