using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ProjectAggregate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PreviousValues",
                table: "Adjustments");

            migrationBuilder.AddColumn<string>(
                name: "BaseAppraiserId",
                table: "Projects",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProjectId",
                table: "AuditEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PreviousAmount",
                table: "Adjustments",
                type: "numeric(18,0)",
                precision: 18,
                scale: 0,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PreviousEndDate",
                table: "Adjustments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PreviousStartDate",
                table: "Adjustments",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ProjectId",
                table: "AuditEntries",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ProjectId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "BaseAppraiserId",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PreviousAmount",
                table: "Adjustments");

            migrationBuilder.DropColumn(
                name: "PreviousEndDate",
                table: "Adjustments");

            migrationBuilder.DropColumn(
                name: "PreviousStartDate",
                table: "Adjustments");

            migrationBuilder.AddColumn<string>(
                name: "PreviousValues",
                table: "Adjustments",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }
    }
}
