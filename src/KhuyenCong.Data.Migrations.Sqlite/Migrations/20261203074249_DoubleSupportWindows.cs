using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DoubleSupportWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DoubleSupportWindows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Years = table.Column<int>(type: "INTEGER", nullable: false),
                    Allowed = table.Column<int>(type: "INTEGER", nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoubleSupportWindows", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DoubleSupportWindows_ContentCode",
                table: "DoubleSupportWindows",
                column: "ContentCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DoubleSupportWindows");
        }
    }
}
