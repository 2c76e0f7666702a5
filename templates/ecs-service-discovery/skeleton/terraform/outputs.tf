output "service_name" {
  value = aws_ecs_service.this.name
}

output "dns_name" {
  description = "What anything in the VPC resolves (${{ values.serviceDiscovery.recordType }} records, TTL ${{ values.serviceDiscovery.ttl }} s)."
  value       = "${{ values.serviceDiscovery.name }}.${{ values.serviceDiscovery.namespaceName }}"
}
