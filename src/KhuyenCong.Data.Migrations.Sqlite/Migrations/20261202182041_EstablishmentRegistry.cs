using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EstablishmentRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EstablishmentId",
                table: "Beneficiaries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Establishments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaxCode = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    PortalCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MainProducts = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Workers = table.Column<int>(type: "INTEGER", nullable: true),
                    WomenOwned = table.Column<bool>(type: "INTEGER", nullable: false),
                    EthnicMinorityEmployer = table.Column<bool>(type: "INTEGER", nullable: false),
                    PriorityArea = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MatchKey = table.Column<string>(type: "TEXT", maxLength: 520, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SearchKey = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Establishments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Establishments_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_EstablishmentId",
                table: "Beneficiaries",
                column: "EstablishmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Establishments_PortalCode",
                table: "Establishments",
                column: "PortalCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Establishments_ProvinceId_MatchKey",
                table: "Establishments",
                columns: new[] { "ProvinceId", "MatchKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Establishments_ProvinceId_Name",
                table: "Establishments",
                columns: new[] { "ProvinceId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Establishments_TaxCode",
                table: "Establishments",
                column: "TaxCode",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Beneficiaries_Establishments_EstablishmentId",
                table: "Beneficiaries",
                column: "EstablishmentId",
                principalTable: "Establishments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Beneficiaries_Establishments_EstablishmentId",
                table: "Beneficiaries");

            migrationBuilder.DropTable(
                name: "Establishments");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaries_EstablishmentId",
                table: "Beneficiaries");

            migrationBuilder.DropColumn(
                name: "EstablishmentId",
                table: "Beneficiaries");
        }
    }
}
