using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class OutboxMailNotification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_NotificationId",
                table: "OutboxMails",
                column: "NotificationId");

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxMails_Notifications_NotificationId",
                table: "OutboxMails",
                column: "NotificationId",
                principalTable: "Notifications",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutboxMails_Notifications_NotificationId",
                table: "OutboxMails");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMails_NotificationId",
                table: "OutboxMails");
        }
    }
}
