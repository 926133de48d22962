using Microsoft.EntityFrameworkCore.Migrations;

namespace KhuyenCong.Data.Migrations.Sqlite;

/// <summary>
/// The SQLite objects of the project list that EF cannot model (issue 14), kept out of the generated migration
/// so that a regenerated migration only has to call <see cref="Up"/> and <see cref="Down"/> again.
/// </summary>
public static class ProjectListSql
{
    /// <summary>
    /// <c>ProjectSearch</c>: an FTS5 index over <c>Projects.SearchKey</c> (external content, no second copy of the
    /// key) with the trigram tokenizer, case-sensitive because the key is already lower-case without diacritics:
    /// a quoted phrase of three characters or more then matches exactly the rows whose key contains it, as
    /// <c>instr</c> does, without reading every row. Triggers keep it in step with every write, in the writer's
    /// own statement and transaction, whoever writes (the portal, an import, the seeder, a script).
    /// Also the index of the list's amount order: SQLite keeps decimals as text, so the list orders by
    /// <c>CAST(RequestedSupport AS REAL)</c>, which only an index on that same expression answers in order.
    /// Every statement may run again: SQLite drops a table's triggers and indexes with it, so a later migration
    /// that rebuilds <c>Projects</c> (EF does for most column changes) must call this again; the rebuild refills
    /// the search index from the rows.
    /// </summary>
    public static void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE IF NOT EXISTS "ProjectSearch" USING fts5("SearchKey", content='Projects', content_rowid='Id', tokenize='trigram case_sensitive 1');
            """);
        migrationBuilder.Sql("""
            INSERT INTO "ProjectSearch"("ProjectSearch") VALUES ('rebuild');
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER IF NOT EXISTS "Projects_SearchInsert" AFTER INSERT ON "Projects" BEGIN
                INSERT INTO "ProjectSearch"(rowid, "SearchKey") VALUES (new."Id", new."SearchKey");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER IF NOT EXISTS "Projects_SearchDelete" AFTER DELETE ON "Projects" BEGIN
                INSERT INTO "ProjectSearch"("ProjectSearch", rowid, "SearchKey") VALUES ('delete', old."Id", old."SearchKey");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER IF NOT EXISTS "Projects_SearchUpdate" AFTER UPDATE OF "SearchKey" ON "Projects" BEGIN
                INSERT INTO "ProjectSearch"("ProjectSearch", rowid, "SearchKey") VALUES ('delete', old."Id", old."SearchKey");
                INSERT INTO "ProjectSearch"(rowid, "SearchKey") VALUES (new."Id", new."SearchKey");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE INDEX IF NOT EXISTS "IX_Projects_RequestedSupportReal_Code_Id" ON "Projects" (CAST("RequestedSupport" AS REAL) DESC, "Code", "Id");
            """);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP INDEX "IX_Projects_RequestedSupportReal_Code_Id";""");
        migrationBuilder.Sql("""DROP TRIGGER "Projects_SearchUpdate";""");
        migrationBuilder.Sql("""DROP TRIGGER "Projects_SearchDelete";""");
        migrationBuilder.Sql("""DROP TRIGGER "Projects_SearchInsert";""");
        migrationBuilder.Sql("""DROP TABLE "ProjectSearch";""");
    }
}
