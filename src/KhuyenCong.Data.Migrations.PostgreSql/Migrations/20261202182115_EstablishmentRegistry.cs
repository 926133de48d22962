using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KhuyenCong.Data.Migrations.PostgreSql.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Establishments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaxCode = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    PortalCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    Commune = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Sector = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MainProducts = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Workers = table.Column<int>(type: "integer", nullable: true),
                    WomenOwned = table.Column<bool>(type: "boolean", nullable: false),
                    EthnicMinorityEmployer = table.Column<bool>(type: "boolean", nullable: false),
                    PriorityArea = table.Column<bool>(type: "boolean", nullable: false),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    MatchKey = table.Column<string>(type: "character varying(520)", maxLength: 520, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SearchKey = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
