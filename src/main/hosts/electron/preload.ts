// The page's only way to the core: `window.duiding.call(name, args, task?)` for handlers on the
// allow-list, and `window.duiding.on('change' | 'progress', listener)` for change events and the
// progress of long calls. Raw ipcRenderer never reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL, IPC_ALLOW_LIST, PROGRESS_CHANNEL, taskIdOf } from './ipc.ts';
import type { HandlerName } from '../../../shared/api/names.ts';

contextBridge.exposeInMainWorld('duiding', {
  call(name: string, args: unknown, task?: string): Promise<unknown> {
    if (!IPC_ALLOW_LIST.has(name as HandlerName)) return Promise.reject(new Error(`Unknown handler "${name}".`));
    return ipcRenderer.invoke(CALL_CHANNEL, name, args, taskIdOf(task));
  },
  on(event: 'change' | 'progress', listener: (payload: unknown) => void): () => void {
    if (event !== 'change' && event !== 'progress') throw new Error(`Unknown event "${String(event)}".`);
    const channel = event === 'change' ? EVENT_CHANNEL : PROGRESS_CHANNEL;
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.off(channel, wrapped);
  },
});
