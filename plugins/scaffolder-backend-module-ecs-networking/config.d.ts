export interface Config {
  ecsNetworking?: {
    scaffolder?: {
      /**
       * The archive `ecs-networking:archive` makes of a task's generated
       * files, served to the user who ran the task.
       */
      archive?: {
        /**
         * Most bytes the archived files may hold together, before
         * compression; a larger output fails the step. Default 5242880 (5 MiB).
         */
        maxBytes?: number;
        /** Minutes an archive can be downloaded. Default 1440 (a day). */
        expiresAfterMinutes?: number;
      };
    };
  };
}
