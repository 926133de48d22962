using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProjectListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Projects_PlanYear_UpdatedAtUtc_Id",
                table: "Projects",
                columns: new[] { "PlanYear", "UpdatedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_ProvinceId_UpdatedAtUtc_Id",
                table: "Projects",
                columns: new[] { "ProvinceId", "UpdatedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_Source_UpdatedAtUtc_Id",
                table: "Projects",
                columns: new[] { "Source", "UpdatedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_State_UpdatedAtUtc_Id",
                table: "Projects",
                columns: new[] { "State", "UpdatedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_UpdatedAtUtc_Id",
                table: "Projects",
                columns: new[] { "UpdatedAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_PlanYear_UpdatedAtUtc_Id",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_ProvinceId_UpdatedAtUtc_Id",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_Source_UpdatedAtUtc_Id",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_State_UpdatedAtUtc_Id",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_UpdatedAtUtc_Id",
                table: "Projects");
        }
    }
}
