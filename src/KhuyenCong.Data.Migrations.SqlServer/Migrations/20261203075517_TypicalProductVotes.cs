using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TypicalProductVotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VoteCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    MaxPoints = table.Column<int>(type: "int", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteCriteria", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VotePassMarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Level = table.Column<int>(type: "int", nullable: false),
                    MinPoints = table.Column<int>(type: "int", nullable: false),
                    CertificateYears = table.Column<int>(type: "int", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    LegalBasis = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VotePassMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Votes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Level = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Organiser = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ProvinceId = table.Column<int>(type: "int", nullable: true),
                    RegionId = table.Column<int>(type: "int", nullable: true),
                    RegistrationFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    RegistrationTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ScoringFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ScoringTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ResultsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ProjectId = table.Column<int>(type: "int", nullable: true),
                    PassMark = table.Column<int>(type: "int", nullable: false),
                    CertificateYears = table.Column<int>(type: "int", nullable: false),
                    DecisionNumber = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SearchKey = table.Column<string>(type: "nvarchar(700)", maxLength: 700, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Votes_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Votes_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Votes_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VoteCouncilMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VoteId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ProvinceId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteCouncilMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoteCouncilMembers_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoteCouncilMembers_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteProducts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VoteId = table.Column<int>(type: "int", nullable: false),
                    EstablishmentId = table.Column<int>(type: "int", nullable: false),
                    ProvinceId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Group = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    NominatedFromId = table.Column<int>(type: "int", nullable: true),
                    RegisteredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RegisteredBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CertificateNumber = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    CertificateValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteProducts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoteProducts_Establishments_EstablishmentId",
                        column: x => x.EstablishmentId,
                        principalTable: "Establishments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoteProducts_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoteProducts_VoteProducts_NominatedFromId",
                        column: x => x.NominatedFromId,
                        principalTable: "VoteProducts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoteProducts_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteProvinces",
                columns: table => new
                {
                    VoteId = table.Column<int>(type: "int", nullable: false),
                    ProvinceId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteProvinces", x => new { x.VoteId, x.ProvinceId });
                    table.ForeignKey(
                        name: "FK_VoteProvinces_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoteProvinces_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProductId = table.Column<int>(type: "int", nullable: false),
                    ReviewerId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CriterionId = table.Column<int>(type: "int", nullable: false),
                    Points = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoteScores_VoteCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "VoteCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoteScores_VoteProducts_ProductId",
                        column: x => x.ProductId,
                        principalTable: "VoteProducts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VoteCouncilMembers_ProvinceId",
                table: "VoteCouncilMembers",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteCouncilMembers_UserId",
                table: "VoteCouncilMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteCouncilMembers_VoteId_UserId",
                table: "VoteCouncilMembers",
                columns: new[] { "VoteId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoteCriteria_Code_ValidFrom",
                table: "VoteCriteria",
                columns: new[] { "Code", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VotePassMarks_Level_ValidFrom",
                table: "VotePassMarks",
                columns: new[] { "Level", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoteProducts_EstablishmentId",
                table: "VoteProducts",
                column: "EstablishmentId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteProducts_NominatedFromId",
                table: "VoteProducts",
                column: "NominatedFromId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteProducts_ProvinceId",
                table: "VoteProducts",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteProducts_VoteId_CertificateNumber",
                table: "VoteProducts",
                columns: new[] { "VoteId", "CertificateNumber" },
                unique: true,
                filter: "[CertificateNumber] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VoteProducts_VoteId_NominatedFromId",
                table: "VoteProducts",
                columns: new[] { "VoteId", "NominatedFromId" },
                unique: true,
                filter: "[NominatedFromId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VoteProvinces_ProvinceId",
                table: "VoteProvinces",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_ProjectId",
                table: "Votes",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_ProvinceId",
                table: "Votes",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_RegionId",
                table: "Votes",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_Year_Level",
                table: "Votes",
                columns: new[] { "Year", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_VoteScores_CriterionId",
                table: "VoteScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteScores_ProductId_ReviewerId_CriterionId",
                table: "VoteScores",
                columns: new[] { "ProductId", "ReviewerId", "CriterionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VoteCouncilMembers");

            migrationBuilder.DropTable(
                name: "VotePassMarks");

            migrationBuilder.DropTable(
                name: "VoteProvinces");

            migrationBuilder.DropTable(
                name: "VoteScores");

            migrationBuilder.DropTable(
                name: "VoteCriteria");

            migrationBuilder.DropTable(
                name: "VoteProducts");

            migrationBuilder.DropTable(
                name: "Votes");
        }
    }
}
