using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hezhou.Exchange.Storage.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Principal = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AccessedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "batches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Department = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BatchId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Principal = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ContentDigest = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    RecordCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UnchangedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RejectedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DirtyWatermark = table.Column<long>(type: "INTEGER", nullable: false),
                    Acknowledgement = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dirty_queue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    EnqueuedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dirty_queue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "discrepancies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Period = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    HouseholdId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CountyCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: true),
                    InvolvesRelocation = table.Column<bool>(type: "INTEGER", nullable: false),
                    InvolvesHumanResources = table.Column<bool>(type: "INTEGER", nullable: false),
                    InvolvesCivilAffairs = table.Column<bool>(type: "INTEGER", nullable: false),
                    Sources = table.Column<string>(type: "TEXT", nullable: false),
                    ExplanationZh = table.Column<string>(type: "TEXT", nullable: false),
                    ExplanationEn = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_discrepancies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "employments",
                columns: table => new
                {
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CitizenId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: false),
                    HouseholdId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EmployerName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    EmployerCreditCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LocationDetail = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MonthlyIncomeFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employments", x => x.SourceKey);
                });

            migrationBuilder.CreateTable(
                name: "entitlements",
                columns: table => new
                {
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CitizenId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: false),
                    HouseholdId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MonthlyAmountFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entitlements", x => x.SourceKey);
                });

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    HouseholdId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RelocationDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    Provenance = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_households", x => x.HouseholdId);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    EntitlementKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CitizenId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: false),
                    HouseholdId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments", x => x.SourceKey);
                });

            migrationBuilder.CreateTable(
                name: "persons",
                columns: table => new
                {
                    CitizenId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: false),
                    UnitKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    HouseholdId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CountyCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Ethnicity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RelationToHead = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LabourCapacity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WillingToWork = table.Column<bool>(type: "INTEGER", nullable: false),
                    InSchool = table.Column<bool>(type: "INTEGER", nullable: false),
                    DisabilityCategory = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DisabilityGrade = table.Column<int>(type: "INTEGER", nullable: false),
                    DeathDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Provenance = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_persons", x => x.CitizenId);
                });

            migrationBuilder.CreateTable(
                name: "quarantine",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Department = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BatchId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RecordIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Principal = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RawBytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Violations = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarantine", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sites",
                columns: table => new
                {
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceVersion = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sites", x => x.SiteCode);
                });

            migrationBuilder.CreateTable(
                name: "source_record_subjects",
                columns: table => new
                {
                    Department = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CitizenId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_source_record_subjects", x => new { x.Department, x.Kind, x.SourceKey, x.CitizenId });
                });

            migrationBuilder.CreateTable(
                name: "source_records",
                columns: table => new
                {
                    Department = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CurrentVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    CurrentDigest = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_source_records", x => new { x.Department, x.Kind, x.SourceKey });
                });

            migrationBuilder.CreateTable(
                name: "source_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Department = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentDigest = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    BatchId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RecordIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Principal = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_source_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "discrepancy_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DiscrepancyId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Principal = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Department = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_discrepancy_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_discrepancy_events_discrepancies_DiscrepancyId",
                        column: x => x.DiscrepancyId,
                        principalTable: "discrepancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_discrepancies_Key",
                table: "discrepancies",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_discrepancies_Status_Rule",
                table: "discrepancies",
                columns: new[] { "Status", "Rule" });

            migrationBuilder.CreateIndex(
                name: "IX_discrepancies_UnitKey",
                table: "discrepancies",
                column: "UnitKey");

            migrationBuilder.CreateIndex(
                name: "IX_discrepancy_events_DiscrepancyId",
                table: "discrepancy_events",
                column: "DiscrepancyId");

            migrationBuilder.CreateIndex(
                name: "IX_employments_CitizenId",
                table: "employments",
                column: "CitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_employments_UnitKey",
                table: "employments",
                column: "UnitKey");

            migrationBuilder.CreateIndex(
                name: "IX_entitlements_CitizenId",
                table: "entitlements",
                column: "CitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_entitlements_UnitKey",
                table: "entitlements",
                column: "UnitKey");

            migrationBuilder.CreateIndex(
                name: "IX_households_CountyCode",
                table: "households",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_households_SiteCode",
                table: "households",
                column: "SiteCode");

            migrationBuilder.CreateIndex(
                name: "IX_payments_EntitlementKey",
                table: "payments",
                column: "EntitlementKey");

            migrationBuilder.CreateIndex(
                name: "IX_payments_UnitKey",
                table: "payments",
                column: "UnitKey");

            migrationBuilder.CreateIndex(
                name: "IX_persons_HouseholdId",
                table: "persons",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_persons_UnitKey",
                table: "persons",
                column: "UnitKey");

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_Department_BatchId",
                table: "quarantine",
                columns: new[] { "Department", "BatchId" });

            migrationBuilder.CreateIndex(
                name: "IX_source_record_subjects_CitizenId_Kind",
                table: "source_record_subjects",
                columns: new[] { "CitizenId", "Kind" });

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
                name: "discrepancy_events");

            migrationBuilder.DropTable(
                name: "employments");

            migrationBuilder.DropTable(
                name: "entitlements");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "persons");

            migrationBuilder.DropTable(
                name: "quarantine");

            migrationBuilder.DropTable(
                name: "sites");

            migrationBuilder.DropTable(
                name: "source_record_subjects");

            migrationBuilder.DropTable(
                name: "source_records");

            migrationBuilder.DropTable(
                name: "source_versions");

            migrationBuilder.DropTable(
                name: "discrepancies");
        }
    }
}
