using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hezhou.Exchange.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "household_indicators",
                columns: table => new
                {
                    HouseholdId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: true),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Tally = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_indicators", x => x.HouseholdId);
                });

            migrationBuilder.CreateTable(
                name: "site_indicators",
                columns: table => new
                {
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: true),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdsOfAsOf = table.Column<int>(type: "INTEGER", nullable: false),
                    Tally = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site_indicators", x => x.SiteCode);
                });

            migrationBuilder.CreateIndex(
                name: "IX_household_indicators_AsOf",
                table: "household_indicators",
                column: "AsOf");

            migrationBuilder.CreateIndex(
                name: "IX_household_indicators_SiteCode",
                table: "household_indicators",
                column: "SiteCode");

            // Households reconciled before the tallies existed have none: reconcile every one again to write them.
            migrationBuilder.Sql(
                "INSERT INTO \"dirty_queue\" (\"SubjectKind\", \"SubjectKey\", \"EnqueuedAt\") " +
                "SELECT 'Household', \"HouseholdId\", datetime('now') FROM \"households\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "household_indicators");

            migrationBuilder.DropTable(
                name: "site_indicators");
        }
    }
}
