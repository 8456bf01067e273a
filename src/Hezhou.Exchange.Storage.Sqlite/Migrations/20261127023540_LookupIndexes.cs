using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hezhou.Exchange.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LookupIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_payments_CitizenId",
                table: "payments",
                column: "CitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_discrepancies_HouseholdId",
                table: "discrepancies",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_discrepancies_Subject",
                table: "discrepancies",
                column: "Subject");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_payments_CitizenId",
                table: "payments");

            migrationBuilder.DropIndex(
                name: "IX_discrepancies_HouseholdId",
                table: "discrepancies");

            migrationBuilder.DropIndex(
                name: "IX_discrepancies_Subject",
                table: "discrepancies");
        }
    }
}
