using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProjectSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Projects_PlanYear_Code_Id",
                table: "Projects",
                columns: new[] { "PlanYear", "Code", "Id" },
                descending: new[] { true, false, false });

            ProjectListSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ProjectListSql.Down(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "IX_Projects_PlanYear_Code_Id",
                table: "Projects");
        }
    }
}
