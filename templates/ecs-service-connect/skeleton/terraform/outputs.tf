output "service_name" {
  value = aws_ecs_service.this.name
}

output "service_connect_endpoint" {
  description = "What other ECS services with Service Connect on in the same namespace call."
  value       = "${{ values.serviceConnect.aliasDnsName }}:${{ values.serviceConnect.aliasPort }}"
}
