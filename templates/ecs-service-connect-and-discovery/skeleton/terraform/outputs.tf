output "service_name" {
  value = aws_ecs_service.this.name
}

output "service_connect_endpoint" {
  description = "For ECS services with Service Connect on in namespace ${{ values.serviceConnect.namespaceName }}."
  value       = "${{ values.serviceConnect.aliasDnsName }}:${{ values.serviceConnect.aliasPort }}"
}

output "dns_name" {
  description = "For everything else in the VPC."
  value       = "${{ values.serviceDiscovery.name }}.${{ values.serviceDiscovery.namespaceName }}"
}
