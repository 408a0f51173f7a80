/** Where a command writes, and how it ends. Commands never touch `process` directly. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (spinners) and colour is allowed. */
  isTTY: boolean;
  color: boolean;
  env: NodeJS.ProcessEnv;
  /** Resolves when the user asks to stop (Ctrl-C or SIGTERM); only long-running commands call it. */
  waitForInterrupt: () => Promise<void>;
}

export interface CliContext {
  io: CliIO;
  /** The exit code the command settled on (0, 1 or 2). */
  exitCode: number;
}
