using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Hezhou.Exchange.Storage.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TamperEvidentLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LedgerHash",
                table: "source_versions",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LedgerPreviousHash",
                table: "source_versions",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LedgerSequence",
                table: "source_versions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LedgerHash",
                table: "access_log",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LedgerPreviousHash",
                table: "access_log",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LedgerSequence",
                table: "access_log",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ledger_heads",
                columns: table => new
                {
                    Chain = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_heads", x => x.Chain);
                });

            migrationBuilder.InsertData(
                table: "ledger_heads",
                columns: new[] { "Chain", "Hash", "Sequence" },
                values: new object[,]
                {
                    { "access_log", "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { "source_versions", "0000000000000000000000000000000000000000000000000000000000000000", 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_source_versions_LedgerSequence",
                table: "source_versions",
                column: "LedgerSequence",
                unique: true,
                filter: "[LedgerSequence] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_access_log_LedgerSequence",
                table: "access_log",
                column: "LedgerSequence",
                unique: true,
                filter: "[LedgerSequence] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ledger_heads");

            migrationBuilder.DropIndex(
                name: "IX_source_versions_LedgerSequence",
                table: "source_versions");

            migrationBuilder.DropIndex(
                name: "IX_access_log_LedgerSequence",
                table: "access_log");

            migrationBuilder.DropColumn(
                name: "LedgerHash",
                table: "source_versions");

            migrationBuilder.DropColumn(
                name: "LedgerPreviousHash",
                table: "source_versions");

            migrationBuilder.DropColumn(
                name: "LedgerSequence",
                table: "source_versions");

            migrationBuilder.DropColumn(
                name: "LedgerHash",
                table: "access_log");

            migrationBuilder.DropColumn(
                name: "LedgerPreviousHash",
                table: "access_log");

            migrationBuilder.DropColumn(
                name: "LedgerSequence",
                table: "access_log");
        }
    }
}
