import "server-only";
/** Opens the auth database named by DATABASE_URL: a SQLite file by default, PostgreSQL for postgres URLs. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Pool } from "pg";

export function openDatabase(url: string): Database.Database | Pool {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new Pool({ connectionString: url });
    // A restart of PostgreSQL cuts the idle connections; the pool replaces them on next use. Unheard,
    // the error would be thrown and logged with the whole client, connection password included.
    pool.on("error", (error) => console.warn(`auth database: an idle connection was lost (${error.message})`));
    return pool;
  }
  const file = url.replace(/^(file|sqlite):(\/\/)?/, "");
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  // WAL lets readers and the single writer work side by side; busy_timeout waits out short locks.
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  return db;
}
