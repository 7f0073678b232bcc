import { useRef, useState } from 'react';
import { createWorkerCodec, type BundleCodec, type ExchangeProgress } from '../../commands/exchange';

/**
 * Runs one bundle job (encode or decode) in a fresh bundle worker with progress and Cancel: the
 * job gets the worker's codec, an abort signal and the progress setter; the worker is disposed
 * and the progress cleared whatever happens. A cancelled job resolves to `undefined`.
 */
export function useWorkerJob() {
  const [progress, setProgress] = useState<ExchangeProgress | null>(null);
  const abort = useRef<AbortController | null>(null);

  const withWorker = async <T,>(job: (codec: BundleCodec, signal: AbortSignal, onProgress: (p: ExchangeProgress) => void) => Promise<T>): Promise<T | undefined> => {
    const controller = new AbortController();
    abort.current = controller;
    const codec = createWorkerCodec();
    try {
      return await job(codec, controller.signal, setProgress);
    } catch (caught) {
      if (caught instanceof DOMException && caught.name === 'AbortError') return undefined;
      throw caught;
    } finally {
      codec.dispose();
      abort.current = null;
      setProgress(null);
    }
  };

  return { progress, setProgress, withWorker, cancel: () => abort.current?.abort() };
}
