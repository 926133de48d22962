using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Data.Migrations.SqlServer.Migrations
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DedupeKey = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Deadline = table.Column<int>(type: "int", nullable: false),
                    Occurrence = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Step = table.Column<int>(type: "int", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RunDate = table.Column<DateOnly>(type: "date", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Records = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    QueuedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderLedger", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Deadline = table.Column<int>(type: "int", nullable: false),
                    Enabled = table.Column<bool>(type: "bit", nullable: false),
                    DaysBefore = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OnDueDate = table.Column<bool>(type: "bit", nullable: false),
                    OverdueEveryDays = table.Column<int>(type: "int", nullable: false),
                    OverdueForDays = table.Column<int>(type: "int", nullable: false),
                    DueMonth = table.Column<int>(type: "int", nullable: true),
                    DueDay = table.Column<int>(type: "int", nullable: true),
                    DaysAfterEvent = table.Column<int>(type: "int", nullable: true),
                    LegalBasis = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
