/** A device sign-in code as people read and type it, the same in the terminal and on /device. */

/** ABCDEFGH reads as ABCD-EFGH; Better Auth ignores the dash when the code is typed back. */
export const formatUserCode = (code: string) => code.replace(/^(\w{4})(\w{4})$/, "$1-$2");
