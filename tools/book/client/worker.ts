/**
 * The book's Web Worker: runs one experiment by id and posts its progress and
 * result (`{ type: "progress", done, total }`, `{ type: "result", result }` or
 * `{ type: "error", message }`).
 *
 * @module
 */
import { experimentById, type Params } from "../experiments/mod.ts";

interface Request {
  id: string;
  params: Params;
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = async (event) => {
  try {
    const experiment = experimentById(event.data.id);
    const result = await experiment.run(
      event.data.params,
      (done, total) => scope.postMessage({ type: "progress", done, total }),
    );
    scope.postMessage({ type: "result", result: JSON.parse(JSON.stringify(result)) });
  } catch (error) {
    scope.postMessage({ type: "error", message: String((error as Error)?.message ?? error) });
  }
};
