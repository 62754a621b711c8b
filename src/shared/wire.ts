/**
 * A server value as the web receives it over JSON: every Date becomes its ISO string. The web reads the
 * server's own view types through this instead of declaring their shapes a second time.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Wire<Item>[]
    : T extends object
      ? { [Key in keyof T]: Wire<T[Key]> }
      : T;
