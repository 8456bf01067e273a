using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Hezhou.Exchange.Storage.Sqlite.Migrations
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
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LedgerPreviousHash",
                table: "source_versions",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LedgerSequence",
                table: "source_versions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LedgerHash",
                table: "access_log",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LedgerPreviousHash",
                table: "access_log",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LedgerSequence",
                table: "access_log",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ledger_heads",
                columns: table => new
                {
                    Chain = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false)
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
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_access_log_LedgerSequence",
                table: "access_log",
                column: "LedgerSequence",
                unique: true);
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
