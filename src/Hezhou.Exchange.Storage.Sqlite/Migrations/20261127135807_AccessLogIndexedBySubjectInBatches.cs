using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hezhou.Exchange.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccessLogIndexedBySubjectInBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // access_log_subjects is derived data: the access log's writer indexes the entries already in the log, a
            // batch at a time, from its first idle second after this migration (AccessLogIndex). Until then look-ups
            // by subject read them from the log's unindexed tail.
            migrationBuilder.DropIndex(
                name: "IX_access_log_Subject_AccessedAt",
                table: "access_log");

            migrationBuilder.CreateTable(
                name: "access_log_subjects",
                columns: table => new
                {
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_log_subjects", x => x.EntryId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_access_log_subjects_Subject_EntryId",
                table: "access_log_subjects",
                columns: new[] { "Subject", "EntryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_log_subjects");

            migrationBuilder.CreateIndex(
                name: "IX_access_log_Subject_AccessedAt",
                table: "access_log",
                columns: new[] { "Subject", "AccessedAt" });
        }
    }
}
