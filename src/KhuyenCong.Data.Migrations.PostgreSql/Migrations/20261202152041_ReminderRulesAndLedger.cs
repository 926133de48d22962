using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KhuyenCong.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReminderRulesAndLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReminderLedger",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DedupeKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Deadline = table.Column<int>(type: "integer", nullable: false),
                    Occurrence = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RunDate = table.Column<DateOnly>(type: "date", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Records = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    QueuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderLedger", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Deadline = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    DaysBefore = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OnDueDate = table.Column<bool>(type: "boolean", nullable: false),
                    OverdueEveryDays = table.Column<int>(type: "integer", nullable: false),
                    OverdueForDays = table.Column<int>(type: "integer", nullable: false),
                    DueMonth = table.Column<int>(type: "integer", nullable: true),
                    DueDay = table.Column<int>(type: "integer", nullable: true),
                    DaysAfterEvent = table.Column<int>(type: "integer", nullable: true),
                    LegalBasis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderRules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderLedger_DedupeKey",
                table: "ReminderLedger",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderLedger_UserId_QueuedAtUtc",
                table: "ReminderLedger",
                columns: new[] { "UserId", "QueuedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderRules_Deadline",
                table: "ReminderRules",
                column: "Deadline",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReminderLedger");

            migrationBuilder.DropTable(
                name: "ReminderRules");
        }
    }
}
