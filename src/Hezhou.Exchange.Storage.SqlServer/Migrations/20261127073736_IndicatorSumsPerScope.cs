using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hezhou.Exchange.Storage.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorSumsPerScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The site sums are derived data: the server sums every scope again from household_indicators on its
            // first start after this migration (IndicatorAggregates.SumFromHouseholdsIfMissingAsync).
            migrationBuilder.DropTable(
                name: "site_indicators");

            migrationBuilder.CreateTable(
                name: "indicator_sums",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "nvarchar(136)", maxLength: 136, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    Households = table.Column<int>(type: "int", nullable: false),
                    HouseholdsOfAsOf = table.Column<int>(type: "int", nullable: false),
                    Tally = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_sums", x => x.Scope);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_sums");

            migrationBuilder.CreateTable(
                name: "site_indicators",
                columns: table => new
                {
                    SiteCode = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    CountyCode = table.Column<string>(type: "varchar(6)", unicode: false, maxLength: 6, nullable: true),
                    Households = table.Column<int>(type: "int", nullable: false),
                    HouseholdsOfAsOf = table.Column<int>(type: "int", nullable: false),
                    Tally = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site_indicators", x => x.SiteCode);
                });
        }
    }
}
