import sys

import grpc
from google.type import date_pb2
from hezhou.exchange.v1 import audit_service_pb2 as audit, audit_service_pb2_grpc as audit_grpc

address = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:5080"
with grpc.insecure_channel(address) as channel:
    stub = audit_grpc.AuditServiceStub(channel)
    stats = stub.GetStatistics(
        audit.GetStatisticsRequest(as_of_date=date_pb2.Date(year=2023, month=12, day=31)),
        metadata=(("x-api-key", "dev-auditor-key"),), timeout=30)
    print(stats.relocated_persons, stats.employment_rate.percent)
