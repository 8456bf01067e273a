using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hezhou.Exchange.Storage.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class InitialStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Principal = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Method = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordCount = table.Column<int>(type: "int", nullable: false),
                    AccessedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "batches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Department = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    BatchId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Principal = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ContentDigest = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    RecordCount = table.Column<int>(type: "int", nullable: false),
                    AcceptedCount = table.Column<int>(type: "int", nullable: false),
                    UnchangedCount = table.Column<int>(type: "int", nullable: false),
                    RejectedCount = table.Column<int>(type: "int", nullable: false),
                    Acknowledgement = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dirty_queue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SubjectKind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    SubjectKey = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    EnqueuedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dirty_queue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quarantine",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Department = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    BatchId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    RecordIndex = table.Column<int>(type: "int", nullable: false),
                    Principal = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SourceKey = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RawBytes = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Violations = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarantine", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "source_records",
                columns: table => new
                {
                    Department = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    SourceKey = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    CurrentVersion = table.Column<long>(type: "bigint", nullable: false),
                    CurrentDigest = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Withdrawn = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_source_records", x => new { x.Department, x.Kind, x.SourceKey });
                });

            migrationBuilder.CreateTable(
                name: "source_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Department = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    SourceKey = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ContentDigest = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Payload = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Withdrawn = table.Column<bool>(type: "bit", nullable: false),
                    BatchId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    RecordIndex = table.Column<int>(type: "int", nullable: false),
                    Principal = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_source_versions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_access_log_Subject_AccessedAt",
                table: "access_log",
                columns: new[] { "Subject", "AccessedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_batches_Department_BatchId",
                table: "batches",
                columns: new[] { "Department", "BatchId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dirty_queue_SubjectKind_SubjectKey",
                table: "dirty_queue",
                columns: new[] { "SubjectKind", "SubjectKey" });

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_Department_BatchId",
                table: "quarantine",
                columns: new[] { "Department", "BatchId" });

            migrationBuilder.CreateIndex(
                name: "IX_source_versions_Department_BatchId",
                table: "source_versions",
                columns: new[] { "Department", "BatchId" });

            migrationBuilder.CreateIndex(
                name: "IX_source_versions_Department_Kind_SourceKey_Version",
                table: "source_versions",
                columns: new[] { "Department", "Kind", "SourceKey", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_log");

            migrationBuilder.DropTable(
                name: "batches");

            migrationBuilder.DropTable(
                name: "dirty_queue");

            migrationBuilder.DropTable(
                name: "quarantine");

            migrationBuilder.DropTable(
                name: "source_records");

            migrationBuilder.DropTable(
                name: "source_versions");
        }
    }
}
