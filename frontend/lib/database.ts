/** Opens the auth database named by DATABASE_URL: a SQLite file by default, PostgreSQL for postgres URLs. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Pool } from "pg";

export function openDatabase(url: string): Database.Database | Pool {
  if (/^postgres(ql)?:\/\//.test(url)) {
    return new Pool({ connectionString: url });
  }
  const file = url.replace(/^(file|sqlite):(\/\/)?/, "");
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  // WAL lets readers and the single writer work side by side; busy_timeout waits out short locks.
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  return db;
}
