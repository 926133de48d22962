using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Data.Migrations.SqlServer.Migrations
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContentCode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    Activity = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Years = table.Column<int>(type: "int", nullable: false),
                    Allowed = table.Column<int>(type: "int", nullable: false),
                    LegalBasis = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Confirmed = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoubleSupportWindows", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DoubleSupportWindows_ContentCode",
                table: "DoubleSupportWindows",
                column: "ContentCode",
                unique: true,
                filter: "[ContentCode] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DoubleSupportWindows");
        }
    }
}
